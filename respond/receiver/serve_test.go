package receiver

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/webhook"
)

func TestServeAnswersUntilTheContextEnds(t *testing.T) {
	h, _ := newHandler(t, NewMemoryJournal(), &fakeEmitter{})
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Listen("127.0.0.1:0", h, nil)
	require.NoError(t, err)
	stopped := make(chan error, 1)
	go func() { stopped <- s.Run(ctx) }()

	b := body(t, revoke("tok_1"))
	req, err := http.NewRequest(http.MethodPost, "http://"+s.Addr()+"/", bytes.NewReader(b))
	require.NoError(t, err)
	webhook.SetHeaders(req.Header, []webhook.Secret{testSecret(t, 1)}, "msg_1", now, b)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	cancel()
	require.NoError(t, <-stopped)
	_, err = http.Post("http://"+s.Addr()+"/", "application/json", nil)
	require.Error(t, err, "no longer listening")
}

func TestServeReturnsTheBoundAddress(t *testing.T) {
	h, _ := newHandler(t, NewMemoryJournal(), &fakeEmitter{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, err := Serve(ctx, "127.0.0.1:0", h, nil)
	require.NoError(t, err)
	resp, err := http.Get("http://" + addr + "/")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	_, err = Serve(ctx, addr, h, nil)
	require.Error(t, err, "address in use")
}
