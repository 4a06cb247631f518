// esbuild bundles imported style sheets into explorer.css; to TypeScript they are side effects only.
declare module '*.css';
