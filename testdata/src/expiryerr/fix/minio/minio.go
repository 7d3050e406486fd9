// Package minio checks the suggested fix for minio text matching.
package minio

import (
	"context"
	"log"
	"strings"

	"github.com/minio/minio-go/v7"
)

func get(ctx context.Context, mc *minio.Client) {
	_, err := mc.StatObject(ctx, "b", "k", minio.StatObjectOptions{})
	if err != nil && !strings.Contains(err.Error(), "ExpiredToken") { // want `expiryerr: matching the error's text against "ExpiredToken" on minio\.Client\.StatObject never fires`
		log.Print(err)
	}
	err = mc.RemoveObject(ctx, "b", "k", minio.RemoveObjectOptions{})
	if err != nil && !strings.EqualFold(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.EqualFold "ExpiredToken"\) on the error of minio\.Client\.RemoveObject`
		log.Print(strings.ToUpper(err.Error()))
	}
}
