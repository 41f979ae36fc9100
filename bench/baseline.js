/**
 * The baseline a synth is compared with: a plain CDKTF app that creates the same
 * resources, data sources and providers as a cdktf.out folder, through the same
 * deep-imported provider classes, with the same attribute values, but without
 * hms-sys constructs, validation, aspects or policy evaluation. It is what a
 * hand-written stack of the same infrastructure costs.
 *
 * A person writes `vpc.id`, not the string "${aws_vpc.main.id}": references to
 * other resources of the stack are made attribute tokens, as CDKTF code makes them,
 * so the baseline resolves the same references our stacks do.
 *
 * usage: node bench/baseline.js <cdktf.out to mirror> <outdir>
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { App, TerraformStack, TerraformResource } = require('cdktf');

const PACKAGES = { aws: 'provider-aws', azurerm: 'provider-azurerm', kubernetes: 'provider-kubernetes' };
const classes = new Map();

/** aws_ebs_volume -> @cdktf/provider-aws/lib/ebs-volume, the class whose tfResourceType matches. */
function classFor(kind, type) {
  const key = `${kind}:${type}`;
  if (!classes.has(key)) {
    const [prefix, ...rest] = type.split('_');
    const file = kind === 'provider' ? 'provider' : `${kind === 'data' ? `data-${prefix}-` : ''}${rest.join('-')}`;
    let cls;
    try {
      const mod = require(`@cdktf/${PACKAGES[prefix]}/lib/${file}`);
      cls = Object.values(mod).find((c) => typeof c === 'function' && c.tfResourceType === type);
    } catch {
      cls = undefined;
    }
    classes.set(key, cls);
  }
  return classes.get(key);
}

const REFERENCE = /\$\{((?:data\.)?[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_.\[\]]+)\}/g;

/** Turns "${type.name.attr}" strings into tokens of the elements created for them. */
function withTokens(value, elements) {
  if (typeof value === 'string') {
    return value.replace(REFERENCE, (match, type, name, attr) => {
      const element = elements.get(`${type}.${name}`);
      return element ? element.interpolationForAttribute(attr) : match;
    });
  }
  if (Array.isArray(value)) return value.map((v) => withTokens(v, elements));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withTokens(v, elements)]));
  return value;
}

function add(stack, kind, type, name, values) {
  const Cls = classFor(kind, type);
  let element;
  try {
    element = Cls ? new Cls(stack, name, {}) : undefined;
  } catch {
    element = undefined;
  }
  element = element ?? new TerraformResource(stack, name, { terraformResourceType: type });
  return element;
}

const [source, outdir] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
const app = new App({ outdir, skipValidation: true });
for (const entry of Object.values(manifest.stacks)) {
  const tf = JSON.parse(readFileSync(join(source, entry.synthesizedStackPath), 'utf8'));
  const stack = new TerraformStack(app, entry.name);
  const created = [];
  const elements = new Map();
  for (const [type, list] of Object.entries(tf.provider ?? {})) list.forEach((values, i) => created.push([add(stack, 'provider', type, `${type}${i}`, values), values]));
  for (const [type, byName] of Object.entries(tf.data ?? {})) {
    if (type === 'terraform_remote_state') continue;
    for (const [name, values] of Object.entries(byName)) {
      const element = add(stack, 'data', type, name, values);
      elements.set(`data.${type}.${name}`, element);
      created.push([element, values]);
    }
  }
  for (const [type, byName] of Object.entries(tf.resource ?? {})) {
    for (const [name, values] of Object.entries(byName)) {
      const element = add(stack, 'resource', type, name, values);
      elements.set(`${type}.${name}`, element);
      created.push([element, values]);
    }
  }
  for (const [element, values] of created) {
    for (const [k, v] of Object.entries(values)) if (k !== '//') element.addOverride(k, withTokens(v, elements));
  }
}
app.synth();
