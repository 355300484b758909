import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { buildOpenApiDocument } from '../src/app';
import { TestApp, startTestApp } from './support/test-app';

type Operation = { operationId?: string; summary?: string; responses: Record<string, { content?: Record<string, unknown> }> };

describe('OpenAPI contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('the committed openapi.json is what the code generates (run npm run openapi:generate)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(buildOpenApiDocument(t.app)))).toEqual(committed);
  });

  it('every operation has an operationId, a summary and problem+json error responses', () => {
    const document = buildOpenApiDocument(t.app);
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(10);
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations) {
      expect({ path, method, operationId: op.operationId, summary: Boolean(op.summary) }).toEqual({ path, method, operationId: expect.any(String), summary: true });
      expect(op.responses['500']?.content).toHaveProperty(['application/problem+json']);
      const errors = Object.keys(op.responses).filter((s) => s.startsWith('4') || s.startsWith('5'));
      for (const status of errors) expect(op.responses[status].content).toHaveProperty(['application/problem+json']);
    }
  });

  it('serves the document and the Swagger UI', async () => {
    const json = await request(t.http).get('/api/docs-json').expect(200);
    expect(json.body.info.title).toBe('API Candidatures');
    expect(json.body.paths).toHaveProperty(['/api/referentiels/communes']);
    const ui = await request(t.http).get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });
});
