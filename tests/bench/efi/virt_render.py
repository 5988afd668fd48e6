#!/usr/bin/python3
"""The peer side of the benchmark: the same per-device render with virt-firmware's library
(run from a checkout given in PYTHONPATH; nothing of it is copied here). For each iteration:
read + parse the image, add a PXE boot entry (MAC/IPv4) first in BootOrder, set BootNext, build
the new image. Prints "virt_parse_add_bootnext_write <median ms> <p95 ms> <cpu median ms>".
virt-firmware v23.9/v24.4 pads the store byte by byte onto a copy of the whole image
(bytes_varstore), which is quadratic in the image size: expect seconds per 2 MB image, so
keep the iteration count small."""
import struct
import sys
import time

from virt.firmware.efi import devpath, ucs16
from virt.firmware.varstore import edk2

image = sys.argv[1]
iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def pxe_path(mac):
    node = devpath.DevicePathElem()
    node.devtype, node.subtype = 0x03, 0x0b
    node.data = mac + bytes(26) + b'\x01'
    ip = devpath.DevicePathElem()
    ip.set_ipv4()
    path = devpath.DevicePath()
    path.append(node)
    path.append(ip)
    return path


def render(i):
    store = edk2.Edk2VarStore(image)
    varlist = store.get_varlist()
    mac = bytes([0xdc, 0xa6, 0x32, 0x00, (i >> 8) & 0xff, i & 0xff])
    index = varlist.add_boot_entry('Metal Boot PXEv4 (MAC:%s)' % mac.hex().upper(), pxe_path(mac))
    order = varlist.get('BootOrder') or varlist.create('BootOrder')
    order.data = struct.pack('=H', index) + order.data
    varlist.set_boot_next(index)
    return store.bytes_varstore(varlist)


times = []
cpu = []
for i in range(iterations):
    t = time.perf_counter()
    c = time.process_time()
    render(i)
    times.append((time.perf_counter() - t) * 1000)
    cpu.append((time.process_time() - c) * 1000)
times.sort()
cpu.sort()
print('virt_parse_add_bootnext_write %.3f %.3f %.3f' % (times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.95))],
                                                     cpu[len(cpu) // 2]))
