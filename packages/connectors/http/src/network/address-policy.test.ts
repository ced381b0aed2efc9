import { describe, expect, it } from "vitest";
import { hostAddress, refusedRange } from "./address-policy";

describe("refusedRange", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.20", "private"],
    ["100.64.0.1", "private"],
    ["169.254.169.254", "metadata"],
    ["169.254.10.1", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fd00:ec2::254", "metadata"],
    ["fe80::1", "link-local"],
    ["ff02::1", "reserved"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:7f00:1", "loopback"],
    ["64:ff9b::a00:1", "private"],
    ["2002:a00:1::", "private"],
    ["2001:db8::1", "reserved"],
  ])("refuses %s as %s", (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each(["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::"])(
    "allows the public address %s",
    (address) => {
      expect(refusedRange(address)).toBeNull();
    },
  );

  it("reads a URL's bracketed IPv6 host", () => {
    expect(hostAddress(new URL("http://[::1]:8080/").hostname)).toBe("::1");
  });
});
