/** Browser tests: Debian's Chromium through playwright-core (no browser download), and an app on a free local port. */
import fs from 'node:fs';
import http, { type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The phone width the browser tests take (a 390 px wide phone, touch, 2× pixels). */
export const PHONE_VIEW = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** The desktop width the browser tests take. */
export const DESKTOP_VIEW = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 };

/** Launch headless Chromium with the flags every browser test uses; fails with the install command when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-nanum (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Serve an app on 127.0.0.1 at a free port; `base` is its http:// origin. */
export async function listenLocally(app: RequestListener): Promise<{ server: Server; base: string }> {
  const server = http.createServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
