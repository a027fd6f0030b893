/** A secret the app cannot run without; the launch scripts generate them into .env on first run. */
export const requiredEnv = (env: (name: string) => string | undefined, name: string): string => {
  const value = env(name);
  if (!value) throw new Error(`${name} is not set. Run through \`npm run develop\` / \`npm start\` (they create .env), or set it.`);
  return value;
};
