// Stand-in for the `server-only` package in the server bundles (lib/cli/serve.ts): that package guards a
// module from client bundles and throws wherever React's server condition is off, as it is in plain Node.
export {};
