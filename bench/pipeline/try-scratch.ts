import { startPlatform } from './platform';
(async () => {
  const t0 = Date.now();
  const p = await startPlatform('mysql://root@127.0.0.1:3306', (l) => console.log(((Date.now() - t0) / 1000).toFixed(1), l));
  console.log('ready after', (Date.now() - t0) / 1000, p.pids, p.urls);
  const t1 = Date.now();
  await p.stop();
  console.log('stopped in', (Date.now() - t1) / 1000);
  process.exit(0);
})();
