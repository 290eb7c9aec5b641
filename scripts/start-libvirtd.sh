#!/usr/bin/env bash
# Install and start a real libvirt on Debian 12 as root, without systemd (idempotent).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" -ne 0 ]; then
  if virsh -c qemu:///system version >/dev/null 2>&1; then exit 0; fi
  echo "start-libvirtd.sh: libvirtd is not answering on qemu:///system and installing/starting it needs root; run: sudo $0" >&2
  exit 1
fi
cd /   # paths below are relative to the filesystem root
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
  libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients qemu-utils qemu-system-x86 iptables >dev/null
# the QEMU driver looks up its compiled-in user before reading qemu.conf; normally libvirt-daemon-system makes it
getent group libvirt-qemu >dev/null || groupadd -r libvirt-qemu
getent passwd libvirt-qemu >dev/null || useradd -r -g libvirt-qemu -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu
# run guests as root so root:root 0600 images stay usable
[ -f etc/libvirt/qemu.conf ] || printf 'user = "root"\ngroup = "root"\n' > etc/libvirt/qemu.conf
mkdir -p var/log/libvirt var/lib/libvirt run/libvirt
pgrep -x virtlogd >dev/null || virtlogd -d   # 'virsh start' needs it
pgrep -x libvirtd >dev/null || libvirtd -d   # pidfile run/libvirtd.pid, log var/log/libvirt/libvirtd.log
for i in $(seq 1 300); do   # up to 30 s; first start probes QEMU (~8 s)
  virsh -c qemu:///system version >/dev/null 2>&1 && break
  sleep 0.1
done
virsh -c qemu:///system version
