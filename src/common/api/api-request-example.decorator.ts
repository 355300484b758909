/** The example of one operation: its body, and the path parameters it applies to. */
export interface RequestExample {
  body?: Record<string, unknown>;
  params?: Record<string, number | string>;
}

/**
 * Request examples by operationId (= method name, unique): what the Swagger console's « Try it out » sends. Each one
 * runs as is against the demo data (ids are the demo's, or those of what an earlier example creates), which
 * test/exemples.e2e-spec.ts proves for every operation that takes a body. buildOpenApiDocument writes them;
 * @nestjs/swagger's own ApiBody would replace the schema its CLI plugin infers.
 */
export const REQUEST_EXAMPLES = new Map<string, RequestExample>();

/** The example body of this operation and the path parameters it goes with, valid against the demo data. */
export const ApiRequestExample =
  (body: Record<string, unknown> | null, params?: RequestExample['params']): MethodDecorator =>
  (_target, key) => {
    REQUEST_EXAMPLES.set(String(key), { ...(body ? { body } : {}), ...(params ? { params } : {}) });
  };
