#!/bin/bash
# Prove the README's two commands on a fresh Debian 12 (bookworm), as a
# newcomer would run them.
#
#   sudo scripts/fresh-debian.sh [ROOT]       (ROOT: /var/tmp/yusuan-fresh-debian)
#
# 1. debootstrap --variant=minbase bookworm into ROOT, with only git, make,
#    sudo and ca-certificates added, and the sources a Debian 12 install has
#    (bookworm, bookworm-updates, bookworm-security);
# 2. mount /proc, /sys and /dev into it;
# 3. add a user "newcomer" who may use sudo (without a password, as nobody
#    is there to type one) and clone this repository into ~newcomer/yusuan,
#    at the commit checked out here (uncommitted changes are not taken);
# 4. run `make demo` and then `make test` in the clone as newcomer, with a
#    login shell's environment (no LANG, a user's PATH), and print each
#    command's exit code and seconds, then the Node.js, npm and Chromium
#    versions the root ended up with.
#
# Needs root (debootstrap, chroot, mount), debootstrap (apt-get install
# debootstrap) and Debian's mirror; no docker.  On exit, normal or not, the
# processes left in ROOT are stopped and its mounts are undone.  ROOT is
# removed after a run where both commands passed and kept after a failure
# (to look inside: sudo chroot ROOT); KEEP=1 keeps it always.  A ROOT left
# by an earlier run is removed first; any other non-empty ROOT is refused.
# MIRROR=URL picks another Debian mirror.
#
# Exit status: 0 when both commands exit 0, 1 when either fails, 2 when the
# root could not be made.
set -eu

ROOT=${1:-/var/tmp/yusuan-fresh-debian}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
KEEP=${KEEP:-0}
USERNAME=newcomer
MARK=.yusuan-fresh-debian

say() { printf 'fresh-debian: %s\n' "$*"; }
die() { say "$*" >&2; exit 2; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount): sudo $0 $*"
command -v debootstrap >/dev/null 2>&1 || die "debootstrap is missing: apt-get install debootstrap"
case "$ROOT" in
/*) ;;
*) ROOT=$PWD/$ROOT ;;
esac
ROOT=${ROOT%/}
[ "$ROOT" != "" ] && [ "$ROOT" != / ] || die "refusing ROOT=/"

repo=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$repo" rev-parse HEAD) || die "$repo is not a git checkout"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
	say "note: $repo has uncommitted changes; the root gets commit $commit without them"
fi

# --- undo mounts and stop what is left inside, on any exit
mounted=""
unmount_all() {
	local pid root
	# processes whose root is ROOT (started by this script inside it)
	for pid in /proc/[0-9]*; do
		root=$(readlink "$pid/root" 2>/dev/null) || continue
		[ "$root" = "$ROOT" ] && kill -TERM "${pid#/proc/}" 2>/dev/null || true
	done
	sleep 1
	for pid in /proc/[0-9]*; do
		root=$(readlink "$pid/root" 2>/dev/null) || continue
		[ "$root" = "$ROOT" ] && kill -KILL "${pid#/proc/}" 2>/dev/null || true
	done
	for m in $mounted; do
		umount -R "$m" 2>/dev/null || umount -R -l "$m" 2>/dev/null ||
			say "could not unmount $m" >&2
	done
	mounted=""
}
trap 'unmount_all' EXIT
trap 'exit 130' INT TERM HUP

is_mounted() { grep -q " $1 " /proc/self/mountinfo; }

# --- a clean root
if [ -e "$ROOT" ]; then
	if [ -e "$ROOT/$MARK" ]; then
		say "removing the root of an earlier run: $ROOT"
		for m in "$ROOT/dev" "$ROOT/proc" "$ROOT/sys"; do
			if is_mounted "$m"; then umount -R "$m" || umount -R -l "$m"; fi
		done
		rm -rf --one-file-system "$ROOT"
	elif [ -n "$(ls -A "$ROOT")" ]; then
		die "$ROOT exists and is not empty (not a root made by this script)"
	fi
fi
mkdir -p "$ROOT"
: > "$ROOT/$MARK"

t0=$(date +%s)
say "debootstrap bookworm into $ROOT (minbase + git make sudo ca-certificates)"
debootstrap --variant=minbase --include=git,make,sudo,ca-certificates \
	bookworm "$ROOT" "$MIRROR" > "$ROOT.debootstrap.log" 2>&1 ||
	{ tail -20 "$ROOT.debootstrap.log" >&2; die "debootstrap failed (log: $ROOT.debootstrap.log)"; }
rm -f "$ROOT.debootstrap.log"
say "debootstrap took $(($(date +%s) - t0)) s"

cat > "$ROOT/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
# as in a container: packages do not start services in the root
printf '#!/bin/sh\nexit 101\n' > "$ROOT/usr/sbin/policy-rc.d"
chmod 755 "$ROOT/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
echo yusuan-fresh > "$ROOT/etc/hostname"
printf '127.0.0.1\tlocalhost yusuan-fresh %s\n::1\tlocalhost ip6-localhost ip6-loopback\n' \
	"$(hostname)" > "$ROOT/etc/hosts" # sudo looks up the kernel's host name

# --- mounts (rslave: nothing mounted or unmounted below ROOT/dev reaches /dev)
mount -t proc proc "$ROOT/proc"
mounted="$ROOT/proc $mounted"
mount -t sysfs sysfs "$ROOT/sys"
mounted="$ROOT/sys $mounted"
mount --rbind /dev "$ROOT/dev"
mount --make-rslave "$ROOT/dev"
mounted="$ROOT/dev $mounted"

# --- the newcomer and the clone
in_root() { env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin chroot "$ROOT" "$@"; }
in_root useradd --create-home --shell /bin/bash --groups sudo "$USERNAME"
echo "$USERNAME ALL=(ALL) NOPASSWD: ALL" > "$ROOT/etc/sudoers.d/$USERNAME"
chmod 440 "$ROOT/etc/sudoers.d/$USERNAME"
home=/home/$USERNAME
git clone -q --no-hardlinks "$repo" "$ROOT$home/yusuan"
git -C "$ROOT$home/yusuan" checkout -q --detach "$commit"
in_root chown -R "$USERNAME:$USERNAME" "$home/yusuan"
say "cloned $repo at $commit into $home/yusuan"

# --- the README's two commands, as the newcomer
as_newcomer() {
	in_root sudo -u "$USERNAME" -i bash -c "cd ~/yusuan && $1"
}
status=0
results=""
for cmd in "make demo" "make test"; do
	say "running '$cmd' as $USERNAME in $home/yusuan"
	s=$(date +%s)
	rc=0
	as_newcomer "$cmd" || rc=$?
	secs=$(($(date +%s) - s))
	results="$results$(printf '%-9s exit %d in %d s' "$cmd" "$rc" "$secs")
"
	[ "$rc" -eq 0 ] || status=1
done

say "Debian $(cat "$ROOT/etc/debian_version"), commit $commit"
say "node $(as_newcomer 'node --version 2>&1 || echo none' | tail -1), npm $(as_newcomer 'npm --version 2>&1 || echo none' | tail -1)"
say "$(as_newcomer 'chromium --version 2>&1 || echo chromium: none' | tail -1)"
printf '%s' "$results" | while IFS= read -r line; do say "$line"; done

unmount_all
if [ "$KEEP" = 1 ] || [ "$status" -ne 0 ]; then
	say "root kept at $ROOT (look inside: sudo chroot $ROOT; remove: sudo rm -rf --one-file-system $ROOT)"
else
	rm -rf --one-file-system "$ROOT"
	say "root removed"
fi
exit $status
