export default async function globalSetup() {
  const { ensureInfra } = await import('../../infra/src');
  await ensureInfra();
}
