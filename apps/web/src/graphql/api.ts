// The app-wide GraphQL client, provided once in main.ts and injected by stores and composables.
import { inject, type InjectionKey } from 'vue';
import type { GraphQLClient } from './client';

export const graphqlClientKey: InjectionKey<GraphQLClient> = Symbol('graphql-client');

export function useGraphQLClient(): GraphQLClient {
  const client = inject(graphqlClientKey, null);
  if (!client) throw new Error('No GraphQL client was provided to the app');
  return client;
}
