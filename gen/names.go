package gen

// Word lists for names. Names are derived from an index too, so they are unique.
var (
	firstNames = []string{"alice", "bob", "chen", "dmitri", "elena", "fatima", "gabriel", "hana",
		"ivan", "julia", "kenji", "lucas", "maria", "nikhil", "olga", "pedro", "priya", "quentin",
		"rahul", "sofia", "tom", "uma", "victor", "wei", "xavier", "yuki", "zara", "amir", "bea",
		"carlos", "diego", "emma", "felix", "grace", "hugo", "ines", "jonas", "kim", "leo", "mei",
		"noah", "omar", "paula", "ravi", "sara", "theo", "ana", "jin", "lena", "sven"}
	orgWords   = []string{"open", "deep", "neural", "tiny", "bright", "meta", "quantum", "blue", "north", "vector", "hyper", "latent", "sparse", "cobalt", "lumen", "signal", "kite", "atlas", "ember", "nova"}
	orgSuffix  = []string{"labs", "ai", "ml", "research", "works", "hub", "systems", "collective", "studio", "foundry"}
	spaceNames = []string{"chat-demo", "rag-playground", "whisper-transcribe", "sdxl-studio", "llm-leaderboard",
		"doc-qa", "voice-clone", "image-captioner", "agent-sandbox", "eval-dashboard", "code-assistant",
		"translator", "ocr-pipeline", "music-gen", "arena"}
	modelNames = []string{"llama-3-8b-sft", "mistral-7b-dpo", "bert-base-ner", "whisper-small-ft", "sdxl-lora",
		"t5-summarizer", "clip-retrieval", "qwen2-1.5b-chat", "phi-3-mini-ft", "embedder-v2", "reranker-base", "vit-classifier"}
	datasetNames = []string{"support-tickets", "eval-set", "instructions-v2", "web-crawl-clean", "preference-pairs",
		"speech-commands", "invoices-ocr", "code-review", "product-images", "chat-logs-anon"}
	// secretNames are the names of Space secrets (never their values).
	secretNames = []string{"HF_TOKEN", "OPENAI_API_KEY", "DATABASE_URL", "ANTHROPIC_API_KEY", "WANDB_API_KEY",
		"PINECONE_API_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "REDIS_URL", "SLACK_WEBHOOK_URL",
		"GITHUB_TOKEN", "COHERE_API_KEY", "SUPABASE_KEY", "GOOGLE_API_KEY", "LANGCHAIN_API_KEY", "MONGODB_URI"}
)

// User agents: API clients (token.use), browsers (web UI with a session) and
// the platform's own clients.
var (
	cliAgents = []string{
		"huggingface_hub/0.24.6; python/3.11.9; torch/2.4.0",
		"huggingface_hub/0.26.2; python/3.12.4; torch/2.5.1; transformers/4.46.2",
		"huggingface_hub/0.23.4; python/3.10.14",
		"huggingface_hub/0.27.1; python/3.11.11; transformers/4.48.0",
		"python-requests/2.31.0", "python-requests/2.32.3",
		"git/2.43.0", "git/2.45.2", "git/2.39.3 (Apple Git-146)",
	}
	browsers = []string{
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36",
		"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
		"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
	}
	serviceAgents = []string{"huggingface_hub/0.25.1; python/3.11.9", "python-requests/2.32.3", "git/2.45.2"}
	spaceAgent    = "huggingface_hub/0.26.2; python/3.10.15; gradio/4.44.1"
	builderAgent  = "buildkit/v0.16.0"
)
