// A stand-in for a private AKS API server, in its own process (the CLI tests block
// their own event loop with spawnSync): HTTPS with a throwaway self-signed
// certificate for 127.0.0.1, answering SelfSubjectAccessReviews as allowed. Prints
// one JSON line, { url, ca }, where `ca` is the certificate in base64 as AKS reports it.
'use strict';
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync } = require('node:fs');
const { createServer } = require('node:https');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const dir = mkdtempSync(join(tmpdir(), 'fake-aks-api-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
const cert = readFileSync(join(dir, 'cert.pem'));
const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ kind: 'SelfSubjectAccessReview', status: { allowed: true } }));
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `https://127.0.0.1:${server.address().port}`, ca: cert.toString('base64') })}\n`);
});
