import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { PushByteBudget, admitPushes, bytesToReserve } from './push-admission';

describe('PushByteBudget', () => {
  it('admits pushes while they fit and takes them back when released', () => {
    const budget = new PushByteBudget(100);
    expect(budget.tryReserve(60)).toBe(true);
    expect(budget.tryReserve(50)).toBe(false);
    expect(budget.tryReserve(40)).toBe(true);
    expect(budget.inUse).toBe(100);
    budget.release(60);
    expect(budget.tryReserve(50)).toBe(true);
    expect(budget.inUse).toBe(90);
  });

  it('never admits a push larger than the whole budget', () => {
    expect(new PushByteBudget(100).tryReserve(101)).toBe(false);
  });
});

describe('bytesToReserve', () => {
  it('reserves the declared length', () => {
    expect(bytesToReserve('1234', 10_000)).toBe(1234);
  });

  it('reserves the route limit when no length is declared or it is not a number', () => {
    expect(bytesToReserve(undefined, 10_000)).toBe(10_000);
    expect(bytesToReserve('lots', 10_000)).toBe(10_000);
  });

  it('reserves nothing for a body over the limit: the parser refuses it unread', () => {
    expect(bytesToReserve('10001', 10_000)).toBe(0);
  });
});

describe('admitPushes', () => {
  function fakeResponse() {
    const emitter = new EventEmitter();
    const sent: { status?: number; headers: Record<string, string>; body?: unknown } = {
      headers: {},
    };
    const response = Object.assign(emitter, {
      status(code: number) {
        sent.status = code;
        return response;
      },
      setHeader(name: string, value: string) {
        sent.headers[name] = value;
        return response;
      },
      json(body: unknown) {
        sent.body = body;
        return response;
      },
    });
    return { response: response as unknown as Response, emitter, sent };
  }
  const requestOf = (length: string) =>
    ({ headers: { 'content-length': length } }) as unknown as Request;

  it('passes a push that fits on and gives its bytes back when the answer closes', () => {
    const budget = new PushByteBudget(100);
    const admit = admitPushes(budget, 100);
    const { response, emitter } = fakeResponse();
    const next = jest.fn() as jest.Mock & NextFunction;
    admit(requestOf('80'), response, next);
    expect(next).toHaveBeenCalledWith();
    expect(budget.inUse).toBe(80);
    emitter.emit('close');
    expect(budget.inUse).toBe(0);
  });

  it('answers 503 with Retry-After and the reason when the budget is taken', () => {
    const budget = new PushByteBudget(100);
    budget.tryReserve(50);
    const { response, sent } = fakeResponse();
    const next = jest.fn() as jest.Mock & NextFunction;
    const onBusy = jest.fn();
    admitPushes(budget, 100, onBusy)(requestOf('60'), response, next);
    expect(next).not.toHaveBeenCalled();
    expect(onBusy).toHaveBeenCalledTimes(1);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('1');
    expect(sent.body).toEqual({
      error: 'INGEST.BUSY',
      message: expect.stringContaining('50 of 100 bytes') as unknown,
    });
    expect(budget.inUse).toBe(50);
  });
});
