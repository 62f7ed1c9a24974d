import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { graphqlClientKey } from './graphql/api';
import { createGraphQLClient } from './graphql/client';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles/main.css';

const app = createApp(App);
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

app.provide(graphqlClientKey, client);
app.use(pinia);
app.use(router);
app.mount('#app');
