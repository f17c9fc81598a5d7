/** One dependency a service needs before it can do useful work. */
export interface ReadinessCheck {
  name: string;
  isReady(): Promise<boolean>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
