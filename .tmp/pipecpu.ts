import { DjangoServer } from '../src/server/server';
import { ManualClock } from '../src/django/runtime';
const engine = process.argv[2] ?? 'db';
const server = new DjangoServer({ clock: new ManualClock(Date.UTC(2024,0,1)), settings: { SESSION_ENGINE: `django.contrib.sessions.backends.${engine}` } });
const BODY = 'username=alice&password=x';
function cycle() {
  const login = server.handle({ method: 'POST', path: '/myapp/login/', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: BODY });
  const c = login.setCookies[0]!; const headers = { Cookie: c.slice(0, c.indexOf(';')) };
  server.handle({ method: 'GET', path: '/myapp/connection/', headers });
  server.handle({ method: 'GET', path: '/myapp/logout/', headers });
}
for (let r = 0; r < 6; r++) { const n = 4000; const t = process.cpuUsage(); for (let i = 0; i < n; i++) cycle(); const d = process.cpuUsage(t); const us = (d.user + d.system) / n / 3; console.log(engine, 'rows', (r+1)*n, 'us/req (cpu)', us.toFixed(1), '=> req/s', Math.round(1e6/us)); }
