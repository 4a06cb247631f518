/**
 * The explorer: GraphiQL 5 with the explorer plugin, over a fetcher that carries the signed-in
 * session's token (`Authorization: Bearer …` over HTTP, `connectionParams.authorization` over
 * graphql-ws). The schema comes from the router's published SDL (`GET /schema.graphql`), so it
 * works where introspection is off (production).
 */
import { useEffect, useMemo, useState } from 'react';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import { GraphiQL } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { withOperationNameOfDocument } from './operation-name.ts';
import { GRAPHQL_PATH, SCHEMA_PATH, subscriptionUrl } from './paths.ts';
import type { Session } from './session.ts';
import { SignInBar } from './sign-in-bar.tsx';

const plugins = [explorerPlugin()];

const DEFAULT_QUERY = `# Sign in above, then run an operation with the ▶ button (Ctrl-Enter).
query Me {
  me {
    id
    displayName
    role
  }
}
`;

/** `fetcher` with {@link withOperationNameOfDocument} applied to every request. */
function sendingTheDocumentsOperationName(fetcher: Fetcher): Fetcher {
  return (params, opts) => fetcher(withOperationNameOfDocument(params), opts);
}

/** The fetcher for one session, and the WebSocket client it owns (disposed when the session changes). */
function useSessionFetcher(session: Session | null) {
  const { fetcher, wsClient } = useMemo(() => {
    const authorization = session ? `Bearer ${session.accessToken}` : undefined;
    const client = createClient({ url: subscriptionUrl(window.location), lazy: true, connectionParams: authorization ? { authorization } : {} });
    return {
      wsClient: client,
      fetcher: sendingTheDocumentsOperationName(createGraphiQLFetcher({ url: GRAPHQL_PATH, wsClient: client, headers: authorization ? { authorization } : undefined })),
    };
  }, [session]);
  useEffect(() => () => void wsClient.dispose(), [wsClient]);
  return fetcher;
}

/** The page: the sign-in bar and GraphiQL. */
export function ExplorerApp() {
  const [session, setSession] = useState<Session | null>(null);
  const [schema, setSchema] = useState<GraphQLSchema | null>(null);
  const [schemaError, setSchemaError] = useState<string | null>(null);
  const fetcher = useSessionFetcher(session);
  useEffect(() => {
    fetch(SCHEMA_PATH)
      .then(async (response) => {
        if (!response.ok) throw new Error(`GET ${SCHEMA_PATH} answered ${response.status}`);
        setSchema(buildSchema(await response.text(), { assumeValidSDL: true }));
      })
      .catch((error: unknown) => setSchemaError(error instanceof Error ? error.message : String(error)));
  }, []);
  return (
    <div className="explorer-page">
      <SignInBar session={session} onSession={setSession} />
      {schemaError && <p role="alert">The API schema could not be loaded: {schemaError}</p>}
      {schema && (
        <div className="explorer-graphiql">
          <GraphiQL fetcher={fetcher} schema={schema} plugins={plugins} defaultQuery={DEFAULT_QUERY} isHeadersEditorEnabled={false} />
        </div>
      )}
    </div>
  );
}
