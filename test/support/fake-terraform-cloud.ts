/**
 * A local stand-in for the Terraform Cloud API on 127.0.0.1: JSON:API documents
 * for workspaces, current assessment results and their JSON output, with the
 * bearer token checked as the real service does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TFC_TOKEN = 'test-token-not-a-secret';

export interface FakeTerraformCloud {
  readonly baseUrl: string;
  readonly requests: string[];
  /**
   * A fetch for the CLI that stands for the network: requests to `https://<host>`
   * reach this server, each recorded in `sent` with the host and the token it
   * carried, so a test can see where a token went.
   */
  readonly fetch: typeof fetch;
  readonly sent: { host: string; authorization?: string }[];
  close(): Promise<void>;
}

/** `drifted`: workspaces whose latest assessment found drift; `assessed`: those with any assessment. */
export async function startFakeTerraformCloud(options: { drifted: string[]; assessed: string[]; plan: unknown }): Promise<FakeTerraformCloud> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/vnd.api+json', Connection: 'close' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const url = req.url ?? '';
    // Signed download URLs (Terraform Cloud's archivist) need no token, and must not receive one.
    if (url.startsWith('/archivist/')) return req.headers.authorization ? send(400, { errors: [{ status: '400', title: 'token sent to archivist' }] }) : send(200, options.plan);
    if (req.headers.authorization !== `Bearer ${TFC_TOKEN}`) return send(401, { errors: [{ status: '401', title: 'unauthorized' }] });
    let m = /^\/api\/v2\/organizations\/([^/]+)\/workspaces\/([^/]+)$/.exec(url);
    if (m) {
      if (decodeURIComponent(m[2]).startsWith('missing')) return send(404, { errors: [{ status: '404' }] });
      return send(200, { data: { id: `ws-${m[2]}`, type: 'workspaces', attributes: { name: decodeURIComponent(m[2]) } } });
    }
    m = /^\/api\/v2\/workspaces\/ws-([^/]+)\/current-assessment-result$/.exec(url);
    if (m) {
      const name = decodeURIComponent(m[1]);
      if (!options.assessed.includes(name)) return send(404, { errors: [{ status: '404' }] });
      const drifted = options.drifted.includes(name);
      return send(200, { data: { id: `asmtres-${name}`, type: 'assessment-results', attributes: { drifted, succeeded: true, 'error-msg': null, 'created-at': '2026-11-22T06:17:00.000Z' } } });
    }
    m = /^\/api\/v2\/assessment-results\/asmtres-([^/]+)\/json-output$/.exec(url);
    if (m) {
      // As Terraform Cloud does: a temporary redirect to a signed download URL.
      res.writeHead(307, { Location: `/archivist/v1/object/${m[1]}?signature=abc`, Connection: 'close' });
      return res.end();
    }
    return send(404, { errors: [{ status: '404' }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const sent: FakeTerraformCloud['sent'] = [];
  const routed: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    sent.push({ host: url.host, authorization: headers.get('authorization') ?? undefined });
    return fetch(`${baseUrl}${url.pathname}${url.search}`, init);
  };
  return { baseUrl, requests, fetch: routed, sent, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A drift plan document as Terraform Cloud's json-output returns it. */
export const DRIFT_PLAN = {
  format_version: '1.2',
  resource_drift: [
    {
      address: 'aws_security_group.network_EndpointSecurityGroup_6F209EA7',
      mode: 'managed',
      type: 'aws_security_group',
      change: { actions: ['update'], before: { ingress: [] }, after: { ingress: [{ from_port: 22, cidr_blocks: ['0.0.0.0/0'] }] } },
    },
  ],
};
