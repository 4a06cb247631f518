/**
 * Third-party apps: the registered list (scopes, status) with "New secret" and "Revoke", and a
 * registration form. A client secret is shown once, right after registration or rotation, and
 * never again (the identity service keeps only its digest).
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button, Empty, ErrorMessage, FormFooter, Loading, nodesOf, TextInput, useFields } from '../../../ui/index.ts';
import { AdminClientApps, AdminRegisterClientApp, AdminRevokeClientApp, AdminRotateClientSecret } from './apps-documents.ts';

/** The one-time secret, with the client id it belongs to. */
function SecretOnce({ shown }: { shown: { name: string; id: string; secret: string } | null }) {
  if (!shown) return null;
  return (
    <div role="status" className="my-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>Client secret of {shown.name}, shown only now. Copy it to the app's configuration:</p>
      <p>
        client_id <code>{shown.id}</code>
      </p>
      <p>
        client_secret <code aria-label="Client secret">{shown.secret}</code>
      </p>
    </div>
  );
}

const EMPTY_APP = { name: '', contact: '', scopes: 'system/Patient.rs', origins: '', redirects: '' };

const splitList = (text: string) => text.split(/[\s,]+/).filter((item) => item !== '');

/** The screen. */
export function ClientApps() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminClientApps, requestPolicy: 'cache-and-network' });
  const [registerState, register] = useMutation(AdminRegisterClientApp);
  const [rotateState, rotate] = useMutation(AdminRotateClientSecret);
  const [revokeState, revoke] = useMutation(AdminRevokeClientApp);
  const [shown, setShown] = useState<{ name: string; id: string; secret: string } | null>(null);
  const { fields: form, setFields: setForm, set } = useFields(EMPTY_APP);

  const onRegister = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: form.name.trim(),
      contact: form.contact.trim(),
      allowedScopes: splitList(form.scopes),
      allowedOrigins: splitList(form.origins),
      redirectUris: splitList(form.redirects),
    };
    const result = await register({ input });
    const registration = result.data?.registerClientApp;
    if (!registration) return;
    setShown(registration.clientSecret ? { name: registration.app.name, id: registration.app.id, secret: registration.clientSecret } : null);
    setForm(EMPTY_APP);
    refetch({ requestPolicy: 'network-only' });
  };
  const onRotate = async (id: string) => {
    const registration = (await rotate({ id })).data?.rotateClientSecret;
    if (registration?.clientSecret) setShown({ name: registration.app.name, id: registration.app.id, secret: registration.clientSecret });
  };
  const onRevoke = async (id: string) => {
    await revoke({ id });
    refetch({ requestPolicy: 'network-only' });
  };

  const apps = nodesOf(data?.clientApps);
  return (
    <div>
      <SecretOnce shown={shown} />
      <ErrorMessage error={error ?? rotateState.error ?? revokeState.error} />
      {fetching && !data ? <Loading /> : apps.length === 0 ? <Empty>No apps registered yet.</Empty> : null}
      <ul aria-label="Registered apps" className="my-2 space-y-2">
        {apps.map((app) => (
          <li key={app.id} className="rounded border border-slate-200 px-3 py-2 text-sm">
            <strong>{app.name}</strong> <span className="text-slate-500">({app.contact})</span> — {app.allowedScopes.join(' ')}
            {app.revokedAt ? (
              <span className="ml-2 text-xs text-slate-500">Revoked</span>
            ) : (
              <span className="ml-2 inline-flex gap-2">
                {app.tokenEndpointAuthMethod === 'CLIENT_SECRET' ? (
                  <Button type="button" onClick={() => void onRotate(app.id)} aria-label={`New secret for ${app.name}`}>
                    New secret
                  </Button>
                ) : null}
                <Button type="button" onClick={() => void onRevoke(app.id)} aria-label={`Revoke ${app.name}`}>
                  Revoke
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={onRegister} aria-label="Register an app" noValidate className="max-w-md">
        <TextInput label="App name" value={form.name} onChange={set('name')} required />
        <TextInput label="Contact" value={form.contact} onChange={set('contact')} required />
        <TextInput
          label="Scopes"
          value={form.scopes}
          onChange={set('scopes')}
          hint="SMART v2 scopes, e.g. system/Patient.rs system/Appointment.cruds (user/Patient.rs for apps clinicians sign in to)"
        />
        <TextInput label="Browser origins" value={form.origins} onChange={set('origins')} hint="Only for browser apps, e.g. https://ehr.example.org" />
        <TextInput
          label="Redirect URIs"
          value={form.redirects}
          onChange={set('redirects')}
          hint="Only for apps clinicians sign in to (user/ scopes), exact URLs, e.g. https://ehr.example.org/callback"
        />
        <FormFooter submit="Register app" busy="Registering…" pending={registerState.fetching} error={registerState.error} />
      </form>
    </div>
  );
}
