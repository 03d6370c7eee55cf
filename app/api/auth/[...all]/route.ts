import { handleAuthRequest } from "@/lib/auth/handle-auth-request";

export const dynamic = "force-dynamic";
export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
