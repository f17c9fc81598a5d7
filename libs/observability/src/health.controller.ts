import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check';

const CHECK_TIMEOUT_MS = 2_000;

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  /** Live: the process answers. Kubernetes restarts it otherwise. */
  @Get('live')
  @HttpCode(HttpStatus.OK)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready: every dependency answers, so traffic may be sent here. */
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; checks: Record<string, boolean> }> {
    const results = await Promise.all(
      this.checks.map(async (check) => [check.name, await withTimeout(check)] as const),
    );
    const checks = Object.fromEntries(results);
    if (results.some(([, ok]) => !ok))
      throw new ServiceUnavailableException({ status: 'unavailable', checks });
    return { status: 'ok', checks };
  }
}

async function withTimeout(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.isReady().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
