import { stack } from './stack';

// Once per run, through nginx: the first account (the admin), signed in, and an API token for
// it, which the tests send as a script would. The token is in the database, so either instance
// accepts it; so does the session cookie that made it, which one instance signed and the other
// may check (the instances share VERSUS_AUTH_SECRET).
export default async function signUp() {
  const base = stack().nginxUrl;
  const account = { name: 'Ada', email: 'ada@multi.test', password: 'a long enough password' };
  // As the sign-in page sends them: better-auth wants the page's Origin.
  const json = { 'content-type': 'application/json', origin: base };
  const created = await fetch(`${base}/api/account/sign-up`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(account),
  });
  if (created.status !== 202) throw new Error(`sign-up: ${created.status} ${await created.text()}`);
  const signedIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const cookie = signedIn.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  if (!signedIn.ok || !cookie)
    throw new Error(`sign-in: ${signedIn.status} ${await signedIn.text()}`);
  const made = await fetch(`${base}/api/account/tokens`, {
    method: 'POST',
    headers: { ...json, cookie },
    body: JSON.stringify({ name: 'multi-instance tests' }),
  });
  if (made.status !== 201) throw new Error(`token: ${made.status} ${await made.text()}`);
  const { token } = (await made.json()) as { token: string };
  // Workers inherit the runner's environment.
  process.env.VERSUS_MULTI_TOKEN = token;
}
