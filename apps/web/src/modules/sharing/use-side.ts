import type { ShareSide } from '@shuzhi/contracts';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import { sidesFor } from './sharing-policy';

/**
 * The side a sharing list shows (?side=), limited to the sides the signed-in user may see: their
 * department's own requests first, then those for its data, then (for the admin) all.
 */
export function useSharingSide() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const sides = sidesFor(me);
  const asked = params.get('side') as ShareSide | null;
  const active = asked && sides.includes(asked) ? asked : sides[0];
  return { sides, active, params, setParams };
}
