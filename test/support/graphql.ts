// A minimal GraphQL caller for setting up test data through the real API.

export class GraphQLCallError extends Error {
  constructor(
    readonly codes: string[],
    message: string,
  ) {
    super(message);
  }
}

export async function gql<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) {
    throw new GraphQLCallError(
      body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
      `GraphQL error: ${body.errors.map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; ')}`,
    );
  }
  return body.data as T;
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(
    baseUrl,
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password },
  );
  return data.login.token;
}
