import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type RouteLocationRaw, type Router } from 'vue-router';
import { GraphQLRequestError } from './graphql/client';
import { t } from './i18n/instance';
import type { MessageSchema } from './i18n';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Key under `titles` of the page's name, shown in the document title. */
    title: keyof MessageSchema['titles'];
    /** Reachable without signing in. */
    public?: boolean;
    /** Administrators only. */
    admin?: boolean;
  }
}

/** The sections of a case page, each with its own address. */
export const CASE_SECTIONS = ['overview', 'documents', 'summary', 'drafts', 'notes', 'activity'] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

/** Only same-app paths are followed after sign-in. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/cases';
}

export function createAppRouter(pinia: Pinia): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', redirect: { name: 'cases' }, meta: { title: 'cases' } },
      { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { title: 'signIn', public: true } },
      { path: '/cases', name: 'cases', component: () => import('./pages/CaseListPage.vue'), meta: { title: 'cases' } },
      { path: '/cases/new', name: 'case-new', component: () => import('./pages/CaseFormPage.vue'), meta: { title: 'newCase' } },
      { path: '/cases/:id/edit', name: 'case-edit', component: () => import('./pages/CaseFormPage.vue'), props: true, meta: { title: 'editCase' } },
      {
        path: `/cases/:id/:section(${CASE_SECTIONS.join('|')})?`,
        name: 'case',
        component: () => import('./pages/CaseDetailPage.vue'),
        props: true,
        meta: { title: 'case' },
      },
      { path: '/account', name: 'account', component: () => import('./pages/AccountPage.vue'), meta: { title: 'account' } },
      { path: '/admin', redirect: { name: 'admin-users' }, meta: { title: 'admin', admin: true } },
      { path: '/admin/users', name: 'admin-users', component: () => import('./pages/admin/AdminUsersPage.vue'), meta: { title: 'users', admin: true } },
      {
        path: '/admin/service-accounts',
        name: 'admin-keys',
        component: () => import('./pages/admin/AdminServiceAccountsPage.vue'),
        meta: { title: 'serviceAccounts', admin: true },
      },
      { path: '/admin/ledger', name: 'admin-ledger', component: () => import('./pages/admin/AdminLedgerPage.vue'), meta: { title: 'ledger', admin: true } },
      { path: '/admin/status', name: 'admin-status', component: () => import('./pages/admin/AdminStatusPage.vue'), meta: { title: 'status', admin: true } },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'notFound' } },
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
    // A password someone else chose (the bootstrap's, an admin's reset) is replaced before anything else.
    if (session.user?.passwordChangeRequired && to.name !== 'account') {
      return { name: 'account', query: { required: '1', redirect: to.fullPath } };
    }
    if (to.meta.admin && session.user?.role !== 'ADMIN') return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') } };
    return true;
  });

  router.afterEach((to) => {
    document.title = `${t(`titles.${to.meta.title}`)} · Amicus`;
  });

  return router;
}
