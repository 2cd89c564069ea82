/** Damaged link parameters for the share-link fuzz test (shareLink.fuzz.test.ts). */

/** Embed parameters as people get them wrong; none of them may refuse the link. */
export const EMBED_DAMAGE = [
  '&embed=1&views=timline',
  '&embed=yes',
  '&embed=on',
  '&embed=1&views=',
  '&embed=1&views=,,,',
  '&views=timeline',
  '&embed=1&speed=fast',
  '&embed=1&speed=-1',
  '&embed=1&speed=1e3',
  '&embed=1&speed=%ZZ',
  '&embed=1&editor=ro',
  '&embed=1&theme=blue',
  '&embed=1&play=2',
  '&embed=1&embed=0',
  '&embed=0&play=1',
  `&embed=1&views=${'timeline,'.repeat(400)}`,
];
