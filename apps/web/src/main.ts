import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createJobFeed, jobFeedKey } from './composables/job-feed';
import { graphqlClientKey } from './graphql/api';
import { i18n } from './i18n/instance';
import { createGraphQLClient } from './graphql/client';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles/main.css';

const app = createApp(App);
document.documentElement.lang = i18n.global.locale.value;
const pinia = createPinia();
const router = createAppRouter(pinia);

const client = createGraphQLClient({
  endpoint: '/graphql',
  getToken: () => useSessionStore(pinia).currentToken(),
  onUnauthenticated: () => {
    useSessionStore(pinia).clear();
    const current = router.currentRoute.value;
    // Before the first page is shown the navigation guard redirects by itself; public pages stay put.
    if (current.matched.length > 0 && !current.meta.public) {
      void router.replace({ name: 'sign-in', query: { redirect: current.fullPath, reason: 'expired' } });
    }
  },
});

const feed = createJobFeed({
  client,
  url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`,
  getToken: () => useSessionStore(pinia).currentToken(),
});

app.provide(graphqlClientKey, client);
app.provide(jobFeedKey, feed);
app.use(i18n);
app.use(pinia);
app.use(router);
app.mount('#app');
