import { DjangoServer } from '../src/server/server';
import { ManualClock } from '../src/django/runtime';
const clock = new ManualClock(Date.UTC(2024, 0, 1));
const server = new DjangoServer({ clock });
function cycle() {
  const r = server.handle({ method: 'POST', path: '/myapp/login/', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'username=alice&password=x' });
  const c = r.setCookies[0]!.split(';')[0]!;
  const r2 = server.handle({ method: 'GET', path: '/myapp/connection/', headers: { Cookie: c } });
  const r3 = server.handle({ method: 'GET', path: '/myapp/logout/', headers: { Cookie: c } });
  return [r, r2, r3];
}
console.log(JSON.stringify(cycle().map(x=>[x.status, x.setCookies, x.body.slice(0,80), x.session]), null, 1).slice(0, 3000));
for (let i = 0; i < 3000; i++) cycle();
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 1000) { cycle(); n++; }
console.log((n * 3) / ((performance.now() - t0) / 1000), 'req/s');
