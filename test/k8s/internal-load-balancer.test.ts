import { InternalLoadBalancer, type InternalLoadBalancerProps } from '../../lib/k8s/internal-load-balancer';
import { mirroredImage } from '../../lib/k8s/target';
import { onlyResource, synthConstructs } from '../support/synth';

const BASE: InternalLoadBalancerProps = {
  namespaceName: 'dcaa',
  serviceName: 'dcaa-secure',
  podLabels: { 'app.kubernetes.io/name': 'dcaa-secure' },
  port: 8080,
  sourceRanges: ['192.168.15.0/24'],
  settings: { annotations: { 'example.com/internal': 'true' } },
};
const synth = (props: Partial<InternalLoadBalancerProps> = {}) => synthConstructs((s) => new InternalLoadBalancer(s, 'lb', { ...BASE, ...props }));

describe('k8s.InternalLoadBalancer', () => {
  test('an internal LoadBalancer Service that admits only the agency range and keeps client addresses', () => {
    const svc = onlyResource(synth(), 'kubernetes_service_v1');
    expect(svc.metadata).toMatchObject({ name: 'dcaa-secure', namespace: 'dcaa', annotations: { 'example.com/internal': 'true' } });
    expect(svc.spec).toMatchObject({
      type: 'LoadBalancer',
      selector: { 'app.kubernetes.io/name': 'dcaa-secure' },
      port: [{ name: 'app', port: 8080, target_port: '8080', protocol: 'TCP' }],
      load_balancer_source_ranges: ['192.168.15.0/24'],
      external_traffic_policy: 'Local',
    });
    expect(svc.wait_for_load_balancer).toBe(true);
  });

  test.each([
    [{ sourceRanges: [] }, /sourceRanges must name the agency networks/],
    [{ sourceRanges: ['0.0.0.0/0'] }, /sourceRanges: "0.0.0.0\/0" opens the workload to the whole internet \(NIST 800-53 SC-7/],
    [{ settings: { annotations: {} } }, /must make the load balancer internal/],
  ])('refuses %p', (props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});

describe('mirroredImage', () => {
  const mirrors = [
    { upstream: 'ghcr.io', mirror: '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/ghcr' },
    { upstream: 'ghcr.io/hms', mirror: 'acr.azurecr.us/hms' },
  ];
  test('the longest matching upstream prefix wins, and the rest of the name is kept', () => {
    expect(mirroredImage('ghcr.io/hms/dcaa-audit:v1.0', mirrors)).toBe('acr.azurecr.us/hms/dcaa-audit:v1.0');
    expect(mirroredImage('ghcr.io/other/x@sha256:abc', mirrors)).toBe('123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/ghcr/other/x@sha256:abc');
  });
  test('a prefix matches only whole path segments, and an unmirrored image is kept', () => {
    expect(mirroredImage('ghcr.io.evil.com/x:v1', mirrors)).toBe('ghcr.io.evil.com/x:v1');
    expect(mirroredImage('ghcr.io/hmsevil/x:v1', mirrors)).toBe('123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/ghcr/hmsevil/x:v1');
    expect(mirroredImage('quay.io/x/y:v1', mirrors)).toBe('quay.io/x/y:v1');
  });
});
