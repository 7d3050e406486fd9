//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSS returns the maximum resident set size, in bytes, of a finished
// process (and of the descendants it waited for), or 0 if unknown.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes
	}
	return int64(ru.Maxrss) * 1024 // kilobytes
}
