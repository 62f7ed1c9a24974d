import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type RouteLocationRaw, type Router } from 'vue-router';
import { GraphQLRequestError } from './graphql/client';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown in the document title. */
    title: string;
    /** Reachable without signing in. */
    public?: boolean;
  }
}

/** Only same-app paths are followed after sign-in. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/cases';
}

export function createAppRouter(pinia: Pinia): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', redirect: { name: 'cases' }, meta: { title: 'Cases' } },
      { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { title: 'Sign in', public: true } },
      { path: '/cases', name: 'cases', component: () => import('./pages/CaseListPage.vue'), meta: { title: 'Cases' } },
      { path: '/cases/:id', name: 'case', component: () => import('./pages/CaseDetailPage.vue'), props: true, meta: { title: 'Case' } },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'Page not found' } },
    ],
  });

  router.beforeEach(async (to): Promise<true | RouteLocationRaw> => {
    const session = useSessionStore(pinia);
    if (to.meta.public) {
      return to.name === 'sign-in' && session.currentToken() ? { path: safeRedirect(to.query.redirect) } : true;
    }
    if (!session.currentToken()) return { name: 'sign-in', query: { redirect: to.fullPath } };
    try {
      await session.ensureUser();
    } catch (error) {
      // An UNAUTHENTICATED answer has already cleared the session; other failures are shown by the pages.
      if (error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED') {
        return { name: 'sign-in', query: { redirect: to.fullPath, reason: 'expired' } };
      }
    }
    return true;
  });

  router.afterEach((to) => {
    document.title = `${to.meta.title} · Amicus`;
  });

  return router;
}
