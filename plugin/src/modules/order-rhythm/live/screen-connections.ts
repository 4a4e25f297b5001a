import type { Namespace, Socket } from "socket.io"
import type { Logger } from "@medusajs/framework/types"
import type { Delta, HandshakeAuth, RefusalCode, RoomName } from "../../../lib/live"
import type { HubAccess } from "./live-hub"
import type { LocalDelivery } from "./local-delivery"

/**
 * Screen connections on the socket server: each handshake is authorized (or refused with a code
 * and a reason) by the hub, each new screen joins its rooms and is sent its snapshot, and a
 * screen that saw a gap is sent its rooms again. Runs where the sockets are (the socket thread).
 */
export function acceptScreens(nsp: Namespace, local: LocalDelivery, access: HubAccess, logger: Logger) {
  nsp.use(async (socket, next) => {
    try {
      const auth = (socket.handshake.auth ?? {}) as HandshakeAuth
      const admission = await access.authorize(auth)
      if (!admission.ok) return next(refusal(admission.code, admission.message))
      socket.data.rooms = admission.rooms
      socket.data.tokenId = admission.tokenId
      next()
    } catch (error) {
      logger.error(`order-rhythm: socket handshake failed: ${(error as Error)?.stack ?? error}`)
      next(refusal("bad_token", "the server could not check this token"))
    }
  })
  nsp.on("connection", (socket) => {
    connectScreen(socket, local, access, logger).catch((error) => {
      logger.error(`order-rhythm: could not connect a screen: ${(error as Error)?.stack ?? error}`)
      socket.disconnect(true)
    })
  })
}

async function connectScreen(socket: Socket, local: LocalDelivery, access: HubAccess, logger: Logger) {
  const rooms: RoomName[] = socket.data.rooms
  // Joined first: a delta published while the snapshot is read still reaches the screen,
  // and the catch-up below covers the other order of events.
  socket.join(rooms)
  if (socket.data.tokenId) socket.join(`token:${socket.data.tokenId}`)
  const seqs = ((socket.handshake.auth ?? {}) as HandshakeAuth).seqs ?? {}
  await sendSnapshot(socket, local, access, rooms, seqs, true)
  socket.on("resync", (message: { rooms?: string[] }) => {
    const asked = (message?.rooms ?? []).filter((room) => rooms.includes(room))
    sendSnapshot(socket, local, access, asked.length ? asked : rooms, {}, false).catch((error) =>
      logger.error(`order-rhythm: resync failed: ${(error as Error)?.stack ?? error}`)
    )
  })
}

/**
 * Sends one snapshot with the full state of the rooms that cannot be replayed and the missed
 * deltas of the rest, then what this server delivered while they were read. The last step runs
 * in one go with the first (see LocalDelivery): the screen goes from snapshot to live stream
 * without a hole. It ignores what it already holds, so a delta twice is harmless.
 */
async function sendSnapshot(
  socket: Socket,
  local: LocalDelivery,
  access: HubAccess,
  rooms: RoomName[],
  lastSeqs: Record<string, number>,
  arriving: boolean
) {
  for (let attempt = 1; ; attempt++) {
    const { snapshot, replays } = await access.sync(rooms, lastSeqs, arriving && attempt === 1)
    // From here to the end nothing awaits: no live delta goes out in between.
    const meanwhile: Delta[] = []
    let complete = true
    for (const room of rooms) {
      const sent = Math.max(snapshot.seqs[room], ...replays.filter((d) => d.room === room).map((d) => d.seq))
      const delivered = local.after(room, sent)
      if (delivered) meanwhile.push(...delivered)
      else complete = false
    }
    // More went out while reading than this server remembers: read again, nearer the present.
    if (!complete && attempt < 3) continue
    socket.emit("snapshot", snapshot)
    if (replays.length) socket.emit("delta", ...replays)
    if (meanwhile.length) socket.emit("delta", ...meanwhile)
    return
  }
}

function refusal(code: RefusalCode, message: string) {
  const error = new Error(code) as Error & { data?: unknown }
  error.data = { code, message }
  return error
}
