import { DataSource } from '../DataSource';
import { fakeBackendSrv, type FakeAnswer } from './fakeBackendSrv';
import { instanceSettings, PROXY_URL } from './dataSourceFixtures';
import { fakeTemplateSrv } from './fakeTemplateSrv';

/** A data source for editor tests whose values endpoints answer these values. */
export function editorDataSource(values: Partial<Record<'templates' | 'domains' | 'result-codes', string[]>> = {}) {
  const answers: Record<string, FakeAnswer> = {};
  for (const [kind, list] of Object.entries(values)) {
    answers[`${PROXY_URL}/api/api/v1/values/${kind}`] = { status: 200, data: { values: list } };
  }
  const backendSrv = fakeBackendSrv(answers);
  return {
    datasource: new DataSource(instanceSettings(), fakeTemplateSrv({ template: 'welcome' }), backendSrv),
    fetch: backendSrv.fetch,
  };
}

/**
 * Combobox lists are virtualised and measure their elements, and inputs size themselves by
 * measuring text on a canvas; jsdom measures nothing, so give elements and text a size.
 */
export function giveElementsASize(): void {
  const context = { font: '', measureText: (text: string) => ({ width: 8 * text.length }) };
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D);
  jest.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(400);
  jest.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(400);
  jest.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({
    width: 400,
    height: 400,
    top: 0,
    left: 0,
    bottom: 400,
    right: 400,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
}
