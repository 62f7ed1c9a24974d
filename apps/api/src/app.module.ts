import { existsSync } from 'node:fs';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { webDistDir } from '@amicus/web';
import { featureModules } from './app.modules.js';
import { AppExceptionFilter } from './common/errors/app-exception.filter.js';
import { formatGraphQLError } from './common/errors/graphql-error.mapper.js';
import { graphQLContextFactory } from './common/graphql/graphql-context.js';
import { graphqlWsOptions } from './common/graphql/graphql-ws.options.js';
import { NulInputPlugin } from './common/graphql/nul-input.plugin.js';
import { QueryLimitsPlugin } from './common/graphql/query-limits.plugin.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { APP_CONFIG, AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { AuthService } from './modules/auth/auth.service.js';

/** Paths the web app never answers (the API's own routes). */
export const API_PATHS = ['/graphql{/*path}', '/healthz', '/readyz', '/metrics', '/api{/*path}'];

function webModules(config: AppConfig): DynamicModule[] {
  if (!config.serveWeb) return [];
  const rootPath = config.webDir ?? webDistDir;
  if (!existsSync(rootPath)) {
    new Logger('Web').log(`Web app not built (${rootPath} missing): serving the API only`);
    return [];
  }
  return [ServeStaticModule.forRoot({ rootPath, exclude: API_PATHS })];
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // GraphiQL and stack traces only in development; production and test answer without them
    const production = config.nodeEnv !== 'development';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [APP_CONFIG, AuthService],
          useFactory: (cfg: AppConfig, auth: AuthService): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            introspection: true,
            graphiql: cfg.nodeEnv === 'development',
            includeStacktraceInErrorResponses: !production,
            autoTransformHttpErrors: false,
            formatError: (formatted, error) => formatGraphQLError(formatted, error, production),
            context: graphQLContextFactory(cfg.graphql.maxResponseBytes),
            csrfPrevention: true,
            subscriptions: { 'graphql-ws': graphqlWsOptions(auth, cfg.graphql, (formatted, error) => formatGraphQLError(formatted, error, production)) },
          }),
        }),
        ...featureModules,
        ...webModules(config),
      ],
      providers: [
        QueryLimitsPlugin,
        NulInputPlugin,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
    };
  }
}
