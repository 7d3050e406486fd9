// Command worker is a small ECS worker service: it takes jobs from an SQS
// queue (or, without QUEUE_URL, makes its own), stores their results in S3, archives old objects and mirrors them to a
// MinIO bucket. It exists to show credlint's findings next to clean code.
package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/worker/internal/archive"
	"example.com/worker/internal/mirror"
	"example.com/worker/internal/queue"
	"example.com/worker/internal/storage"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	store, err := storage.New(ctx, os.Getenv("RESULTS_BUCKET"))
	if err != nil {
		log.Fatalf("storage: %v", err)
	}
	arch := archive.New(os.Getenv("ARCHIVE_BUCKET"))
	mir, err := mirror.New(os.Getenv("MIRROR_ENDPOINT"), os.Getenv("MIRROR_BUCKET"))
	if err != nil {
		log.Fatalf("mirror: %v", err)
	}

	jobs := make(chan storage.Job)
	if url := os.Getenv("QUEUE_URL"); url != "" {
		q, err := queue.New(ctx, url)
		if err != nil {
			log.Fatalf("queue: %v", err)
		}
		go q.Run(ctx, jobs)
	} else {
		go produce(ctx, jobs)
	}

	ticker := time.NewTicker(time.Hour)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case job := <-jobs:
			if err := store.Save(ctx, job); err != nil {
				log.Printf("job %s: %v", job.ID, err)
				continue
			}
			if err := mir.Copy(ctx, job.ID, job.Body); err != nil {
				log.Printf("mirror %s: %v", job.ID, err)
			}
		case <-ticker.C:
			if err := arch.Sweep(ctx, 30*24*time.Hour); err != nil {
				log.Printf("archive: %v", err)
			}
		}
	}
}

func produce(ctx context.Context, jobs chan<- storage.Job) {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
			jobs <- storage.Job{ID: time.Now().Format(time.RFC3339Nano), Body: []byte("result")}
		}
	}
}
