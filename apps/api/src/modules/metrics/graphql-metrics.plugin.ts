import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { graphqlDuration, graphqlOperations, secondsSince } from './metrics.registry.js';

/** Operation names are chosen by clients: only well-formed ones become labels, and at most this many. */
const MAX_OPERATION_NAMES = 500;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Counts and times every GraphQL operation by name, type and outcome. */
@Plugin()
export class GraphQLMetricsPlugin implements ApolloServerPlugin {
  private readonly seen = new Set<string>();

  private label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid';
    if (!this.seen.has(name)) {
      if (this.seen.size >= MAX_OPERATION_NAMES) return 'other';
      this.seen.add(name);
    }
    return name;
  }

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    const started = process.hrtime.bigint();
    return {
      willSendResponse: async (ctx) => {
        const operation = this.label(ctx.operation ? ctx.operationName : (ctx.request.operationName ?? null));
        const type = ctx.operation?.operation ?? 'unparsed';
        const failed = ctx.response.body.kind === 'single' && (ctx.response.body.singleResult.errors?.length ?? 0) > 0;
        graphqlOperations.inc({ operation, type, outcome: failed ? 'error' : 'ok' });
        graphqlDuration.observe({ operation, type }, secondsSince(started));
      },
    };
  }
}
