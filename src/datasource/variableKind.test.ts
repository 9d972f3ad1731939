import { variableKind } from './variableKind';

describe('variableKind', () => {
  it('keeps a chosen kind and lists templates for a new variable', () => {
    expect(variableKind({ refId: 'A', kind: 'domains' })).toBe('domains');
    expect(variableKind({ refId: 'A' })).toBe('templates');
  });
});
