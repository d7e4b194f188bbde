// Debian's nginx in front of Versus instances on loopback, for the multi-instance tests and the
// bench: deploy/nginx.conf (the file compose users mount) with loopback addresses in place of the
// service names, inside a main configuration that keeps every file nginx writes in one folder.
import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

export const NGINX = '/usr/sbin/nginx';

/**
 * deploy/nginx.conf listening on 127.0.0.1:`port` in front of `upstreams` (`host:port`), plus a
 * header that names the instance behind each answer, so tests can tell which one served it.
 * @param {{ port: number, upstreams: string[] }} options
 */
export function siteConfig({ port, upstreams }) {
  const site = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8');
  const servers = /^( *)server versus-1:3000;\n(?: *server versus-\d+:3000;\n)*/m;
  const pass = 'proxy_pass http://versus;';
  if (!servers.test(site) || !site.includes('listen 80;') || !site.includes(pass)) {
    throw new Error('deploy/nginx.conf no longer has the lines the tests replace');
  }
  return site
    .replace(servers, (_, indent) => upstreams.map((up) => `${indent}server ${up};\n`).join(''))
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace(pass, `${pass}\n        add_header X-Versus-Upstream $upstream_addr always;`);
}

/**
 * Starts nginx in the foreground with its configuration, pid, logs and temp files in `dir`;
 * stop it with SIGQUIT (graceful) or SIGTERM.
 * @param {{ dir: string, port: number, upstreams: string[] }} options
 */
export function startNginx({ dir, port, upstreams }) {
  // As root, nginx's workers run as nobody and create their temp folders in here.
  chmodSync(dir, 0o755);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `    ${kind}_temp_path ${join(dir, kind)};`)
    .join('\n');
  const config = join(dir, 'nginx.conf');
  writeFileSync(
    config,
    `pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
worker_processes 1;
events {
    worker_connections 4096;
}
http {
    access_log off;
${temp}
${siteConfig({ port, upstreams })}
}
`,
  );
  return spawn(
    NGINX,
    ['-p', dir, '-c', config, '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}
