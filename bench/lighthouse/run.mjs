// Signs a new person in through the app's own forms (register, the confirmation link from the mail file, sign in),
// then runs Lighthouse's CLI (mobile: its default form factor and throttling) on each page, the signed-in ones with
// the auth cookie as an extra header. Usage: node run.mjs <base-url> <mail-folder> [runs-per-page]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [base, mailFolder, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 1);
const here = dirname(fileURLToPath(import.meta.url));
const reports = join(here, 'reports');
mkdirSync(reports, { recursive: true });

const pages = [
  { name: 'landing', path: '/', signedIn: false },
  { name: 'sign-in', path: '/Identity/Account/Login', signedIn: false },
  { name: 'dashboard', path: '/', signedIn: true },
  { name: 'reflection step', path: '/Reflection/Interests', signedIn: true },
  { name: 'goal editor', path: '/Goals/Edit', signedIn: true },
];

const jar = new Map();
async function request(path, form) {
  const response = await fetch(new URL(path, base), {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form) : undefined,
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

const token = (html) => {
  const match = html.match(/name="__RequestVerificationToken" type="hidden" value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken"/);
  if (!match) throw new Error('No antiforgery token on the form.');
  return match[1] ?? match[2];
};

async function signIn() {
  const email = `lighthouse-${Date.now()}@example.org`;
  const password = 'correct horse battery staple';
  const register = await request('/Identity/Account/Register');
  const registered = await request('/Identity/Account/Register', {
    'Input.Email': email, 'Input.Password': password, 'Input.ConfirmPassword': password,
    'Input.TimeZone': 'Europe/London', __RequestVerificationToken: token(register.html),
  });
  if (registered.status !== 302) throw new Error(`Register answered ${registered.status}.`);

  let link;
  for (let waited = 0; !link && waited < 15000; waited += 100) {
    for (const file of readdirSync(mailFolder).filter((f) => f.endsWith('.eml'))) {
      const body = readFileSync(join(mailFolder, file), 'latin1').replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
      const found = body.match(/href="([^"]*\/Identity\/Account\/ConfirmEmail[^"]*)"/);
      if (found && body.includes(email)) link = found[1].replace(/&amp;/g, '&');
    }
    if (!link) await new Promise((r) => setTimeout(r, 100));
  }
  if (!link) throw new Error(`No confirmation mail in ${mailFolder}.`);
  const confirmed = await request(new URL(link).pathname + new URL(link).search);
  if (confirmed.status !== 200) throw new Error(`Confirming answered ${confirmed.status}.`);

  const login = await request('/Identity/Account/Login');
  const signedIn = await request('/Identity/Account/Login', {
    'Input.Email': email, 'Input.Password': password, __RequestVerificationToken: token(login.html),
  });
  if (signedIn.status !== 302 || !jar.has('CareerCompass.Auth')) throw new Error(`Sign-in answered ${signedIn.status}.`);
  return `CareerCompass.Auth=${jar.get('CareerCompass.Auth')}`;
}

const cookie = await signIn();
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic';
const lighthouse = join(here, 'node_modules', '.bin', 'lighthouse');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const rows = [];
let version = '';
let userAgent = '';
for (const page of pages) {
  for (let run = 1; run <= runs; run++) {
    const load = loadavg()[0].toFixed(2);
    const output = join(reports, `${stamp}-${page.name.replace(/ /g, '-')}-${run}.json`);
    const args = [new URL(page.path, base).href, '--quiet', '--output=json', `--output-path=${output}`, `--chrome-flags=${chromeFlags}`];
    if (page.signedIn) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
    execFileSync(lighthouse, args, { env: { ...process.env, CHROME_PATH: chromium }, stdio: ['ignore', 'ignore', 'inherit'] });
    const report = JSON.parse(readFileSync(output, 'utf8'));
    version = report.lighthouseVersion;
    userAgent = report.environment?.hostUserAgent ?? '';
    if (page.signedIn && new URL(report.finalDisplayedUrl).pathname !== page.path) {
      throw new Error(`${page.name}: Lighthouse ended on ${report.finalDisplayedUrl}, not signed in?`);
    }
    const scores = categories.map((c) => Math.round((report.categories[c]?.score ?? 0) * 100));
    const failing = Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
      .filter((a) => categories.slice(1).some((c) => report.categories[c].auditRefs.some((r) => r.id === a.id && r.weight > 0)))
      .map((a) => a.id);
    rows.push([page.name + (runs > 1 ? ` #${run}` : ''), page.path, ...scores, load, failing.join(' ')]);
  }
}

const header = ['page', 'path', 'Perf', 'A11y', 'BP', 'SEO', 'load 1m', 'failing a11y/BP/SEO audits'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(`Lighthouse ${version} (mobile), ${userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? chromium}, ${cpus().length} cores`);
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(`Reports: ${reports}/${stamp}-*.json`);
