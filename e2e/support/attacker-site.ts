import http from 'node:http';

/** A form that submits itself as soon as its page loads: a top-level cross-site POST. */
export interface AutoForm {
  action: string;
  enctype: 'text/plain' | 'application/x-www-form-urlencoded';
  fields: { name: string; value: string }[];
}

export interface AttackerSite {
  origin: string;
  /** Paths the site served, in order: proof that each attack page was really loaded. */
  served: string[];
  close(): Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function formPage(form: AutoForm): string {
  const inputs = form.fields
    .map(
      (field) =>
        `<input type="hidden" name="${escapeHtml(field.name)}" value="${escapeHtml(field.value)}">`,
    )
    .join('');
  return `<!doctype html><title>attacker form</title>
<form method="post" action="${escapeHtml(form.action)}" enctype="${form.enctype}">${inputs}</form>
<script>document.forms[0].submit()</script>`;
}

/**
 * Another application on loopback, as a page the user happens to open would be: `/` is an empty
 * page to run scripts from, `/form/<name>` a page that auto-submits that form.
 */
export async function startAttackerSite({
  port,
  forms,
}: {
  port: number;
  forms: Record<string, AutoForm>;
}): Promise<AttackerSite> {
  const served: string[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    served.push(path);
    const form = path.startsWith('/form/') ? forms[path.slice('/form/'.length)] : undefined;
    if (path !== '/' && !form) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(form ? formPage(form) : '<!doctype html><title>attacker</title><p>Nothing to see.');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
