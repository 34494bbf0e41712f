// Vite bundles the imported stylesheet into its own file; TypeScript only needs to know it exists.
declare module '*.css';
