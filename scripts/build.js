/**
 * Compiles the app (tsconfig.build.json) into an emptied dist/ with the @nestjs/swagger compiler plugin, which the
 * `tsc` command cannot run: TypeScript takes transformers through its API only. Type errors stop the build.
 * `--watch` recompiles on each change and restarts `node dist/src/main.js` after each clean compilation
 * (npm run start:dev).
 */
const { spawn } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');
const { swaggerTransformer } = require('./lib/swagger-plugin');

const root = join(__dirname, '..');
const configFile = join(root, 'tsconfig.build.json');
const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => ts.sys.newLine };

/** Prints the diagnostics; true when one of them is an error. */
function report(diagnostics) {
  if (diagnostics.length > 0) process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
  return diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error);
}

function emit(program, emitter) {
  return emitter.emit(undefined, undefined, undefined, false, { before: [swaggerTransformer(program)] });
}

function build() {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => report([d]) });
  if (!parsed) process.exit(1);
  rmSync(parsed.options.outDir, { recursive: true, force: true });
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, configFileParsingDiagnostics: parsed.errors });
  if (report([...parsed.errors, ...ts.getPreEmitDiagnostics(program)])) process.exit(1);
  if (report(emit(program, program).diagnostics)) process.exit(1);
}

function watch() {
  let app;
  const start = () => {
    app = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, stdio: 'inherit' });
  };
  const restart = () => {
    if (!app || app.exitCode !== null || app.signalCode !== null) return start();
    app.once('exit', start);
    app.kill('SIGTERM');
  };
  const host = ts.createWatchCompilerHost(
    configFile,
    {},
    ts.sys,
    ts.createEmitAndSemanticDiagnosticsBuilderProgram,
    (d) => report([d]),
    (d) => process.stdout.write(`${ts.flattenDiagnosticMessageText(d.messageText, ts.sys.newLine)}${ts.sys.newLine}`),
  );
  // Replaces the default (emit without transformers): emit with the plugin, then restart on a clean compilation.
  host.afterProgramCreate = (builder) => {
    const diagnostics = [...builder.getConfigFileParsingDiagnostics(), ...builder.getOptionsDiagnostics(), ...builder.getSyntacticDiagnostics(), ...builder.getGlobalDiagnostics(), ...builder.getSemanticDiagnostics()];
    if (report(diagnostics)) return;
    if (report(emit(builder.getProgram(), builder).diagnostics)) return;
    restart();
  };
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  ts.createWatchProgram(host);
}

if (process.argv.includes('--watch')) watch();
else build();
