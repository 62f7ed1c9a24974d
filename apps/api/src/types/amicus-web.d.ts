declare module '@amicus/web' {
  /** Absolute path of the built web app (apps/web/dist). */
  export const webDistDir: string;
}
