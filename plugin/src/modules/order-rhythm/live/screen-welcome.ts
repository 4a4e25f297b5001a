import type { Namespace, Socket } from "socket.io"
import type { Logger } from "@medusajs/framework/types"
import type { Delta, HandshakeAuth, RefusalCode, RoomName } from "../../../lib/live"
import type { ScreenDoor } from "./live-hub"
import type { LocalDelivery } from "./local-delivery"

/**
 * The screens' side of the door: each handshake is admitted (or refused with a code and a
 * reason) by the hub, each new screen joins its rooms and is shown its snapshot, and a screen
 * that saw a gap is shown its rooms again. Runs where the sockets are (the screen thread).
 */
export function welcomeScreens(nsp: Namespace, local: LocalDelivery, door: ScreenDoor, logger: Logger) {
  nsp.use(async (socket, next) => {
    try {
      const auth = (socket.handshake.auth ?? {}) as HandshakeAuth
      const admitted = await door.admit(auth)
      if (!admitted.ok) return next(refusal(admitted.code, admitted.message))
      socket.data.rooms = admitted.rooms
      socket.data.tokenId = admitted.tokenId
      next()
    } catch (error) {
      logger.error(`order-rhythm: socket handshake failed: ${(error as Error)?.stack ?? error}`)
      next(refusal("bad_token", "the server could not check this token"))
    }
  })
  nsp.on("connection", (socket) => {
    welcome(socket, local, door, logger).catch((error) => {
      logger.error(`order-rhythm: could not welcome a screen: ${(error as Error)?.stack ?? error}`)
      socket.disconnect(true)
    })
  })
}

async function welcome(socket: Socket, local: LocalDelivery, door: ScreenDoor, logger: Logger) {
  const rooms: RoomName[] = socket.data.rooms
  // Joined first: a delta published while the snapshot is read still reaches the screen,
  // and the catch-up below covers the other order of events.
  socket.join(rooms)
  if (socket.data.tokenId) socket.join(`token:${socket.data.tokenId}`)
  const seqs = ((socket.handshake.auth ?? {}) as HandshakeAuth).seqs ?? {}
  await sendSnapshot(socket, local, door, rooms, seqs, true)
  socket.on("resync", (message: { rooms?: string[] }) => {
    const asked = (message?.rooms ?? []).filter((room) => rooms.includes(room))
    sendSnapshot(socket, local, door, asked.length ? asked : rooms, {}, false).catch((error) =>
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
  door: ScreenDoor,
  rooms: RoomName[],
  lastSeqs: Record<string, number>,
  arriving: boolean
) {
  for (let attempt = 1; ; attempt++) {
    const { snapshot, replays } = await door.show(rooms, lastSeqs, arriving && attempt === 1)
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
