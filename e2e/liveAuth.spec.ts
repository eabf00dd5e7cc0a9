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
