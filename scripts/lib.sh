# Shared helpers for the scripts (sourced, not run).

# free_port: prints a free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_for_port PORT SECONDS NAME: waits until something listens on 127.0.0.1:PORT.
wait_for_port() {
  local port="$1" seconds="$2" name="$3"
  for _ in $(seq 1 $((seconds * 10))); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "error: $name did not start on 127.0.0.1:$port within ${seconds}s" >&2
  return 1
}

# azurite_connection_string TABLE_PORT QUEUE_PORT BLOB_PORT: the well-known local development account.
azurite_connection_string() {
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$3/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$2/devstoreaccount1;TableEndpoint=http://127.0.0.1:$1/devstoreaccount1;"
}
