/** Runs the @nestjs/swagger compiler plugin inside ts-jest, so tests see the same OpenAPI metadata as the build. */
const { swaggerTransformer } = require('../../scripts/lib/swagger-plugin');

module.exports = {
  name: 'nestjs-swagger-plugin',
  version: 2,
  factory: (tsCompiler) => {
    // ts-jest hands over the Program it started with; its language service builds a fresh one per emitted file.
    // The plugin resolves types (`Promise<CommunePage>`) through the checker, so it must see the current one.
    const current = () => tsCompiler._languageService?.getProgram() ?? tsCompiler.program;
    const program = new Proxy(
      {},
      {
        get: (_target, key) => {
          const p = current();
          const value = p[key];
          return typeof value === 'function' ? value.bind(p) : value;
        },
      },
    );
    return swaggerTransformer(program);
  },
};
