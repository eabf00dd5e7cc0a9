import { test, expect } from './fixtures';
import { AppPage } from './pages/AppPage';
import { startPerimeter, type PerimeterServer } from './liveStack';
import { SERVERS } from './servers';

const TOKEN = 'e2e-4b1d9c0f7a';
test.describe.configure({ mode: 'serial', timeout: 90_000 });

let server: PerimeterServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startPerimeter(SERVERS.files.port + 11, { PERIMETER_SOURCE: 'demo', PERIMETER_AUTH_TOKEN: TOKEN });
});
test.afterAll(async () => {
  await server?.stop();
});

test('with PERIMETER_AUTH_TOKEN the API needs the bearer token', async ({ request }) => {
  expect((await request.get(`${server.url}/api/snapshot`)).status()).toBe(401);
  expect((await request.get(`${server.url}/api/snapshot`, { headers: { authorization: 'Bearer wrong' } })).status()).toBe(401);
  expect((await request.get(`${server.url}/api/snapshot`, { headers: { authorization: `Bearer ${TOKEN}` } })).status()).toBe(200);
});

test('a page redirects to the login form; the right token signs in and goes where the user was headed', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto(`${server.url}/policies`);
  await expect(page).toHaveURL(/\/login\?next=%2Fpolicies$/);
  // Nothing about the source shows before sign-in.
  await expect(app.banner).toHaveCount(0);
  await page.getByTestId('login-token').fill('wrong');
  await page.getByTestId('login-submit').click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('That token is not the one this server was started with.');
  await app.screenshot('login-wrong-token');
  await page.getByTestId('login-token').fill(TOKEN);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(`${server.url}/policies`);
  await expect(app.heading).toHaveText('Policies');
  await expect(app.sourceTitle).toHaveText('Demo cluster (built-in)');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'perimeter_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.value).not.toContain(TOKEN);
});

test('after sign-in, a next that a browser would send to another host (/%09/host) stays on this server', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto(`${server.url}/login?next=/%09/127.0.0.1:3149/pwned`);
  await page.getByTestId('login-token').fill(TOKEN);
  await page.getByTestId('login-submit').click();
  await expect(app.heading).toHaveText('Overview');
  expect(new URL(page.url()).origin).toBe(server.url);
  expect(new URL(page.url()).pathname).toBe('/');
});

test('a next with a newline is a clean redirect, not a 500', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto(`${server.url}/login?next=${encodeURIComponent('/policies\n')}`);
  await page.getByTestId('login-token').fill(TOKEN);
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByTestId('login-submit').click()]);
  expect(response.status()).toBeLessThan(400);
  await expect(page).toHaveURL(`${server.url}/policies`);
  await expect(app.heading).toHaveText('Policies');
});

test('the login form works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.goto(`${server.url}/findings`);
  await expect(page).toHaveURL(/\/login\?next=%2Ffindings$/);
  await page.getByTestId('login-token').fill(TOKEN);
  const [response] = await Promise.all([page.waitForNavigation(), page.getByTestId('login-submit').click()]);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(`${server.url}/findings`);
  await expect(app.sourceTitle).toHaveText('Demo cluster (built-in)');
  await context.close();
});

test('sign-out ends the session on the server: the old cookie no longer works', async ({ page, request }) => {
  const app = new AppPage(page);
  await app.goto(`${server.url}/policies`);
  await page.getByTestId('login-token').fill(TOKEN);
  await page.getByTestId('login-submit').click();
  await expect(app.heading).toHaveText('Policies');
  const session = (await page.context().cookies()).find((c) => c.name === 'perimeter_session')?.value;
  expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const withSession = { headers: { cookie: `perimeter_session=${session}` } };
  expect((await request.get(`${server.url}/api/snapshot`, withSession)).status()).toBe(200);
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(`${server.url}/login?error=signed-out`);
  await expect(page.getByTestId('signed-out')).toHaveText('Signed out.');
  expect((await request.get(`${server.url}/api/snapshot`, withSession)).status()).toBe(401);
  await app.goto(`${server.url}/policies`);
  await expect(page).toHaveURL(/\/login\?next=%2Fpolicies$/);
});

test('wrong tokens are rate-limited per client, with a line in the server log', async ({ request }) => {
  // Its own client address, so the other tests' client is not limited.
  const client = { 'x-forwarded-for': '192.0.2.77' };
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await request.get(`${server.url}/api/snapshot`, { headers: { ...client, authorization: `Bearer wrong-${i}` } })).status());
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  // While limited, even the right token is not compared.
  const limited = await request.get(`${server.url}/api/snapshot`, { headers: { ...client, authorization: `Bearer ${TOKEN}` } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  expect(server.log()).toContain('perimeter: sign-in rate limit: 5 wrong tokens from 192.0.2.77 within 60 s');
  // Another client is not affected.
  expect((await request.get(`${server.url}/api/snapshot`, { headers: { authorization: `Bearer ${TOKEN}` } })).status()).toBe(200);
});
