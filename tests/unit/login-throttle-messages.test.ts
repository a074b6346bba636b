// What the sign-in form says: how many tries are left, and how long a pause lasts.
import { describe, expect, it } from "vitest";
import { formatWait, pausedMessage, wrongPasswordMessage } from "@/lib/login-throttle-messages";

describe("sign-in throttling messages", () => {
  it("say how many tries are left before a pause and how long it lasts", () => {
    expect(wrongPasswordMessage(2, 15 * 60_000)).toBe("Wrong username or password. 2 tries left before sign-in pauses for 15 minutes.");
    expect(wrongPasswordMessage(1, 15 * 60_000)).toBe("Wrong username or password. 1 try left before sign-in pauses for 15 minutes.");
  });

  it("say when this failure started a pause", () => {
    expect(wrongPasswordMessage(0, 15 * 60_000)).toBe("Wrong username or password. Sign-in is paused for 15 minutes.");
  });

  it("say, when paused, for how long and why, without naming the account", () => {
    expect(pausedMessage(14 * 60_000 + 1, "pair")).toBe(
      "Too many failed sign-ins for this username from your address. Sign-in is paused: try again in 15 minutes.",
    );
    expect(pausedMessage(30_000, "address")).toBe("Too many failed sign-ins from your address. Sign-in is paused: try again in 30 seconds.");
  });

  it("round waits up, in minutes from one minute on", () => {
    expect([formatWait(1), formatWait(59_001), formatWait(60_000), formatWait(60_001)]).toEqual(["1 second", "60 seconds", "1 minute", "2 minutes"]);
  });
});
